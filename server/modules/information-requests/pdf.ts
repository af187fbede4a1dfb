/**
 * The 答复书 as a PDF (pdfkit, with Noto Sans SC embedded as a subset of the characters used):
 * made on demand from the stored reply, so the resident and the office download the same text.
 * The templates follow the 条例's reply types; the ID number never appears in it (the name does).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { FOIA_REPLY_LABELS, type FoiaReplyType } from '../../../common/contract'

let fontBytes: Buffer | undefined
function font(): Buffer {
  if (!fontBytes) {
    const require = createRequire(__filename)
    const dir = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'))
    fontBytes = readFileSync(join(dir, '400Regular', 'NotoSansSC_400Regular.ttf'))
  }
  return fontBytes
}

export interface ReplyLetter {
  number: string
  applicantName: string
  orgName: string
  submittedOn: string
  infoTitle: string
  type: FoiaReplyType
  ground?: string | null
  holder?: string | null
  text: string
  fee?: { amount: number; basis: string }
  repliedOn: string
}

const cn = (date: string) => {
  const [y, m, d] = date.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** the template's opening sentence of each reply type (《条例》第三十六条) */
export function templateOf(l: ReplyLetter): string {
  const base = `您（单位）于${cn(l.submittedOn)}向本机关提出的政府信息公开申请（编号${l.number}）收悉。经审查，现答复如下：`
  const body: Record<FoiaReplyType, string> = {
    full: `您申请获取的「${l.infoTitle}」属于公开范围，根据《中华人民共和国政府信息公开条例》第三十六条第二项的规定，本机关予以公开。`,
    partial: `您申请获取的「${l.infoTitle}」中部分内容${l.ground ? `因${l.ground}` : ''}不予公开，根据《中华人民共和国政府信息公开条例》第三十七条的规定，本机关对可以公开的部分予以公开。`,
    refused: `您申请获取的「${l.infoTitle}」${l.ground ? `因${l.ground}` : ''}，根据《中华人民共和国政府信息公开条例》第三十六条第三项的规定，本机关不予公开。`,
    not_exist: `经检索，本机关未制作或获取您申请的「${l.infoTitle}」，根据《中华人民共和国政府信息公开条例》第三十六条第四项的规定，告知您该政府信息不存在。`,
    not_held: `您申请获取的「${l.infoTitle}」不属于本机关负责公开，根据《中华人民共和国政府信息公开条例》第三十六条第五项的规定，建议您向${l.holder ?? '掌握该信息的机关'}咨询。`,
    not_processed: `您的申请根据《中华人民共和国政府信息公开条例》第三十六条第六、七项的规定，本机关不予处理。`,
    no_correction: `本机关已于此前向您发出补正通知，您在规定期限内未补正，根据《中华人民共和国政府信息公开条例》第三十条的规定，视为放弃申请，本机关不再处理。`,
  }
  return `${base}\n\n${body[l.type]}`
}

/**
 * The PDF's bytes. pdfkit is loaded on the first letter, not with the routes: it reads its own
 * files at load time, which the component tests' jsdom (running the routes in memory) cannot.
 */
export async function replyLetterPdf(l: ReplyLetter): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit')
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 72, info: { Title: `政府信息公开申请答复书 ${l.number}`, Author: l.orgName } })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.registerFont('cjk', font())
    doc.font('cjk')
    doc.fontSize(20).text('政府信息公开申请答复书', { align: 'center' })
    doc.moveDown(0.5)
    doc.fontSize(11).text(`编号：${l.number}\u3000\u3000答复类型：${FOIA_REPLY_LABELS[l.type]}`, { align: 'center' })
    doc.moveDown(1.5)
    doc.fontSize(13).text(`${l.applicantName}：`)
    doc.moveDown(0.5)
    doc.text(templateOf(l), { indent: 26, lineGap: 6 })
    if (l.text.trim()) {
      doc.moveDown(0.5)
      doc.text(l.text.trim(), { indent: 26, lineGap: 6 })
    }
    if (l.fee) {
      doc.moveDown(0.5)
      doc.text(`信息处理费：根据《政府信息公开信息处理费管理办法》，${l.fee.basis}，应缴纳 ${l.fee.amount} 元。`, { indent: 26, lineGap: 6 })
    }
    doc.moveDown(0.5)
    doc.text('如对本答复不服，可以在收到本答复之日起60日内依法申请行政复议，或者在6个月内依法提起行政诉讼。', { indent: 26, lineGap: 6 })
    doc.moveDown(3)
    doc.text(l.orgName, { align: 'right' })
    doc.text(cn(l.repliedOn), { align: 'right' })
    doc.end()
  })
}
