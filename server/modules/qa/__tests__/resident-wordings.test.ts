/**
 * Residents' wordings as 相似问法 (mock/fixtures/faq-similar-residents.ts, issue 16): the generator
 * takes only what 问答缺口's 并入 would add, and every evaluation leaves its own writer's out.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { residentWordings } from '../../../../mock/fixtures/faq-similar-residents'
import { faqs, writtenFaqs } from '../../../../mock/fixtures/faqs'
import { corpus, notFromWriterOf } from '../../../../scripts/eval-qa'
import { mineWordings, takeableWording, type LabelledQuestion } from '../../../../scripts/mine-qa-wordings'
import { DEV_FILES, TEST_DIR, writerOf } from '../../../../scripts/qa-sets'
import { maskPersonal } from '../../qa-gaps/mask'

const read = (file: string): LabelledQuestion[] => JSON.parse(readFileSync(path.join(TEST_DIR, file), 'utf8'))

describe('mining residents’ wordings', () => {
  const f009 = writtenFaqs.find((f) => f.id === 'f009')!

  it('never takes an out-of-scope, unknown-FAQ, masked or personal question', () => {
    const mined = mineWordings(
      [
        {
          file: 'a.json',
          questions: [
            { q: '我妈的农保一个月到底能拿多少钱？', id: 'f009' },
            { q: '火星移民怎么办', id: null },
            { q: '城乡居民养老金每月多少', id: 'f999' },
            { q: '我妈张*英的养老金一个月多少', id: 'f009' },
            { q: '我叫王秀英，农保一个月多少', id: 'f009' },
            { q: '打13812345678问养老金每月多少行吗', id: 'f009' },
            { q: f009.question, id: 'f009' },
          ],
        },
      ],
      writtenFaqs,
    )
    expect(mined).toEqual({ f009: [['a.json', '我妈的农保一个月到底能拿多少钱']] })
    expect(takeableWording(f009, '身份证号330102199001011234的人养老金多少')).toBeUndefined()
  })

  it('the committed fixture holds only labelled in-scope questions of the development sets, nothing masked or personal', () => {
    const labelled = new Map(DEV_FILES.map((f) => [f, read(f)]))
    let n = 0
    for (const [id, list] of Object.entries(residentWordings)) {
      expect(writtenFaqs.some((f) => f.id === id)).toBe(true)
      for (const [set, wording] of list) {
        n++
        expect(DEV_FILES).toContain(set)
        expect(wording).not.toMatch(/[*＊]/)
        expect(maskPersonal(wording)).toBe(wording)
        expect(labelled.get(set)!.some((e) => e.id === id && e.q.startsWith(wording))).toBe(true)
      }
    }
    expect(n).toBeGreaterThan(1000)
    // the app's FAQs keep ≤ 10 相似问法 of ≤ 60 characters, the written ones first
    faqs.forEach((f, i) => {
      expect(f.similar!.length).toBeLessThanOrEqual(10)
      expect(f.similar!.slice(0, writtenFaqs[i].similar?.length ?? 0)).toEqual(writtenFaqs[i].similar ?? [])
    })
  })
})

describe('eval:qa leaves each writer’s own wordings out', () => {
  const fixtureSimilar = (file?: string) =>
    new Set(
      corpus(file)
        .slice(0, writtenFaqs.length)
        .flatMap((f) => f.similar ?? []),
    )
  const all = fixtureSimilar()

  it.each(['qa-eval-blind11-test.json', 'qa-eval-blind2-dev.json', 'qa-eval.json'])('%s is evaluated without its writer’s wordings', (file) => {
    const own = DEV_FILES.filter((f) => writerOf(f) === writerOf(file))
    const ownWordings = Object.values(residentWordings).flatMap((list) => list.filter(([set]) => own.includes(set)).map(([, w]) => w))
    const shipped = ownWordings.filter((w) => all.has(w))
    // the shipped index has some of them, the one this set is evaluated on none (nor its questions)
    expect(shipped.length).toBeGreaterThan(0)
    const evaluated = fixtureSimilar(path.join(TEST_DIR, file))
    const questions = new Set(own.flatMap((f) => read(f).map((e) => e.q.replace(/[?？。!！.，,\s]+$/u, ''))))
    const written = new Set(writtenFaqs.flatMap((f) => f.similar ?? []))
    expect([...evaluated].filter((w) => !written.has(w) && questions.has(w))).toEqual([])
    expect(ownWordings.filter((w) => evaluated.has(w) && !written.has(w))).toEqual([])
    // and other writers' wordings fill the room left
    expect(evaluated.size).toBeGreaterThanOrEqual(all.size - shipped.length)
  })

  it('blind2-dev and blind2-test are one writer', () => {
    const keep = notFromWriterOf(path.join(TEST_DIR, 'qa-eval-blind2-dev.json'))
    expect(keep('qa-eval-blind2-test.json', '随便一句')).toBe(false)
    expect(keep('qa-eval-blind3-test.json', '随便一句')).toBe(true)
  })
})
