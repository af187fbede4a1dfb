/** Every page whose first screen the server draws (see ../page.ts); the others get a skeleton. */
import type { FirstScreenPage } from '../page'
import { campaignPage } from './campaign'
import { homePage } from './home'
import { interpretationPage } from './interpretation'
import { interpretationsPage } from './interpretations'
import { lectureMenuPage } from './lecture-menu'
import { minePage } from './mine'
import { policyPage } from './policy'
import { qaAskPage } from './qa-ask'
import { quizPage } from './quiz'
import { videoPage } from './video'
import { videosPage } from './videos'

export const FIRST_SCREEN_PAGES: FirstScreenPage[] = [
  // the tab pages
  homePage,
  interpretationsPage,
  videosPage,
  quizPage,
  minePage,
  // the most linked subpages
  interpretationPage,
  policyPage,
  videoPage,
  campaignPage,
  lectureMenuPage,
  qaAskPage,
]
