/** Which uploads a console draft uses (uploadNamesIn / uploadRefsIn), and what passes for a PDF. */
import type { EditorialDrafts } from '../../../../common/contract'
import { isValidPdf, sniffUpload } from '../../uploads/sniff'
import { uploadNamesIn, uploadRefsIn } from '../uploads'

const A = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.jpg'
const B = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.png'
const P = 'cccccccccccccccccccccccccccccccc.pdf'
const url = (name: string) => `/media/uploads/${name}`

const interpretation = (cover: string, srcs: string[]): EditorialDrafts['interpretation'] => ({
  title: '图解',
  kind: 'illustrated',
  topic: 'elderly',
  department: '仙居县民政局',
  policyId: 'p001',
  cover,
  summary: '摘要',
  featured: false,
  blocks: [{ type: 'heading', text: '标题' }, ...srcs.map((src) => ({ type: 'image' as const, src, alt: '图' })), { type: 'paragraph', text: url(B) }],
  videoIds: [],
  faqIds: [],
})

describe('uploadNamesIn', () => {
  it("an interpretation: its cover and image blocks, each once, not a paragraph's text nor other media", () => {
    expect(uploadNamesIn('interpretation', interpretation(url(A), [url(B), url(A), '/media/covers/c001.jpg', 'https://example.com/x.jpg']))).toEqual([A, B])
    expect(uploadRefsIn('interpretation', interpretation(url(A), [url(B)]))).toEqual([
      { field: 'draft.cover', name: A, picture: true },
      { field: 'draft.blocks[1].src', name: B, picture: true },
    ])
    expect(uploadNamesIn('interpretation', interpretation('/media/covers/elderly.svg', []))).toEqual([])
  })

  it("a banner's image, a policy's attachment (no picture), nothing of a FAQ", () => {
    const banner = { title: '公益广告', image: url(B), alt: '图', link: '/pages/index/index', startsAt: '2026-03-01', endsAt: '2026-03-31', position: 0 }
    expect(uploadRefsIn('banner', banner)).toEqual([{ field: 'draft.image', name: B, picture: true }])
    const policy = { attachment: { url: url(P), name: '原文.pdf' } } as EditorialDrafts['policy']
    expect(uploadRefsIn('policy', policy)).toEqual([{ field: 'draft.attachment.url', name: P, picture: false }])
    expect(uploadNamesIn('policy', {} as EditorialDrafts['policy'])).toEqual([])
    expect(uploadNamesIn('faq', { question: url(A), answer: url(A), topic: 'elderly', keywords: [] })).toEqual([])
  })

  it('keeps a name that is not a valid upload name, so that saving it is refused rather than ignored', () => {
    expect(uploadNamesIn('interpretation', interpretation(url('../../zhengcetong.db'), []))).toEqual(['../../zhengcetong.db'])
  })
})

describe('a PDF by its bytes', () => {
  const body = '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n'
  it('starts with %PDF-1.x or 2.x and ends with %%EOF and line ends', () => {
    expect(isValidPdf(Buffer.from(`${body}%%EOF`))).toBe(true)
    expect(isValidPdf(Buffer.from(`${body}%%EOF\r\n`))).toBe(true)
    expect(isValidPdf(Buffer.from(body.replace('1.7', '2.0') + '%%EOF\n'))).toBe(true)
    expect(sniffUpload(Buffer.from(`${body}%%EOF\n`))).toBe('application/pdf')
  })

  it('refuses no header, a header not at the start, no %%EOF, %%EOF far from the end, bytes after it', () => {
    expect(isValidPdf(Buffer.from(`${body.slice(1)}%%EOF\n`))).toBe(false)
    expect(isValidPdf(Buffer.from(`<html>${body}%%EOF\n`))).toBe(false)
    expect(isValidPdf(Buffer.from(body))).toBe(false)
    expect(isValidPdf(Buffer.from(`${body}%%EOF\n${' '.repeat(2000)}x`))).toBe(false)
    expect(isValidPdf(Buffer.from(`${body}%%EOF\n<script>alert(1)</script>`))).toBe(false)
    expect(isValidPdf(Buffer.from('%PDF-1.7%%EOF'))).toBe(false)
    expect(sniffUpload(Buffer.from('plain text'))).toBeUndefined()
  })
})
