/** Every page whose first screen the server draws (see ../page.ts); the others get a skeleton. */
import type { FirstScreenPage } from '../page'
import { homePage } from './home'
import { interpretationPage } from './interpretation'
import { interpretationsPage } from './interpretations'
import { minePage } from './mine'
import { quizPage } from './quiz'
import { videosPage } from './videos'

export const FIRST_SCREEN_PAGES: FirstScreenPage[] = [homePage, interpretationPage, interpretationsPage, videosPage, quizPage, minePage]
