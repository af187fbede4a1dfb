import type { EditorialDrafts, EditorialType } from '@common/contract'

/** what 新建 starts from: empty fields (the checks at 送审 say which are required) */
export function blankDraft<T extends EditorialType>(type: T): EditorialDrafts[T] {
  const drafts: EditorialDrafts = {
    policy: {
      title: '',
      docNumber: '',
      issuer: '',
      department: '',
      topic: '',
      regionCode: '',
      publishedAt: '',
      summary: '',
      sections: [{ heading: '', paragraphs: [''] }],
      validity: 'valid',
    },
    interpretation: {
      title: '',
      kind: 'illustrated',
      topic: '',
      department: '',
      policyId: '',
      cover: '',
      summary: '',
      featured: false,
      blocks: [],
      videoIds: [],
      faqIds: [],
    },
    faq: { question: '', answer: '', topic: '', keywords: [] },
    banner: { title: '', image: '', alt: '', link: '', startsAt: '', endsAt: '', position: 0 },
    video: { title: '', topic: '', src: '', poster: '', captions: '', durationSec: 0 },
    course: { title: '', topic: '', department: '', cover: '', summary: '', lessons: [] },
  }
  return drafts[type]
}
