/** Every page whose first screen the server draws (see ../page.ts); the others get a skeleton. */
import type { FirstScreenPage } from '../page'
import { campaignPage } from './campaign'
import { homePage } from './home'
import { interpretationPage } from './interpretation'
import { lectureMenuPage } from './lecture-menu'
import { policyPage } from './policy'
import { qaAskPage } from './qa-ask'
import { videoPage } from './video'

export const FIRST_SCREEN_PAGES: FirstScreenPage[] = [homePage, interpretationPage, policyPage, videoPage, campaignPage, lectureMenuPage, qaAskPage]
