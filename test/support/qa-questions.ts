/** Questions the Q&A tests on both sides (API and page) share. */

/** a question the FAQs touch only by a word or two (a complaint about a housing estate's fees): the best hit is a guess */
export const UNSURE_QUESTION = '小区物业费太贵了能不能投诉'
