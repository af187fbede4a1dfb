/**
 * The sample videos say what they are: every fixture's duration is its file's own length (read
 * from the mp4's boxes, as an upload's is), and no title or blurb promises a length the sample
 * does not have (issue 17: 「一分钟」 on a 12-second clip).
 */
import { join } from 'node:path'
import { courses } from '../../../../mock/fixtures/courses'
import { interpretations } from '../../../../mock/fixtures/interpretations'
import { videos } from '../../../../mock/fixtures/videos'
import { probeMp4Boxes } from '../mp4-probe'

const ROOT = join(__dirname, '../../../../mock')
const fileOf = (src: string) => join(ROOT, src.replace(/^\//, ''))

describe('sample media', () => {
  it('every short video and lesson lasts what its fixture says', async () => {
    const media = [...videos, ...courses.flatMap((c) => c.lessons)].map((m) => ({ src: m.src, durationSec: m.durationSec }))
    expect(media.length).toBeGreaterThan(10)
    for (const m of media) {
      const probe = await probeMp4Boxes(fileOf(m.src))
      expect({ src: m.src, sec: Math.round((probe?.durationMs ?? 0) / 1000) }).toEqual({ src: m.src, sec: m.durationSec })
    }
  })

  it('no label promises a length the samples do not have', () => {
    const words = JSON.stringify([videos, interpretations])
    expect(words).not.toMatch(/[一二三两]分钟(看懂|讲清|视频)|用[一二三两]分钟/)
  })
})
