/** the feature's stylesheet, for pages that use its classes directly */
import './components/lectures.scss'
