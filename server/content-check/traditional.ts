/**
 * Traditional → simplified folding for the local word check, so 出售身份證 matches 出售身份证.
 * Not a general converter (no package, no dictionary download): it covers the characters of
 * sensitive-words.txt that have a traditional form (or a common variant) different from the
 * simplified one. How it was built: every distinct character of the word list was listed (108);
 * for each, its traditional form in the Taiwan/Hong Kong standards and the common variants
 * (証, 綫, 鎗, 葯 …) were written down by hand; then the same for the characters of the reserved
 * display names. A test checks that every character the table folds to is one of those, so they
 * stay together: a listed word with a new character that has a traditional form needs its line here.
 */

/** simplified character of the word list → its traditional forms and variants */
export const TRADITIONAL_OF: Readonly<Record<string, string>> = {
  专: '專',
  业: '業',
  乐: '樂',
  买: '買',
  了: '瞭',
  仿: '倣',
  你: '妳',
  内: '內',
  冰: '氷',
  出: '齣',
  办: '辦',
  单: '單',
  卖: '賣',
  发: '發髮',
  台: '臺檯颱',
  听: '聽',
  场: '場塲',
  妈: '媽',
  开: '開',
  弹: '彈',
  户: '戶戸',
  时: '時',
  枪: '槍鎗',
  残: '殘',
  炮: '砲礮',
  现: '現',
  电: '電',
  种: '種',
  税: '稅',
  笔: '筆',
  类: '類',
  约: '約',
  线: '線綫',
  结: '結',
  网: '網',
  职: '職',
  脑: '腦',
  药: '藥葯',
  证: '證証',
  话: '話',
  购: '購',
  贱: '賤',
  赌: '賭',
  银: '銀',
  马: '馬',
  // the reserved display names (modules/identity/nickname.ts): 管理員, 工作人員, 政務, 宣講員 …
  员: '員',
  务: '務',
  讲: '講',
  复: '復複',
  检: '檢',
  团: '團',
  队: '隊',
  厅: '廳',
  门: '門',
  会: '會',
  区: '區',
  县: '縣',
}

const SIMPLIFIED = new Map<string, string>()
for (const [simplified, traditional] of Object.entries(TRADITIONAL_OF)) {
  for (const t of traditional) SIMPLIFIED.set(t, simplified)
}

/** each traditional character of the table replaced by its simplified form; everything else unchanged */
export function foldTraditional(text: string): string {
  let out = ''
  for (const ch of text) out += SIMPLIFIED.get(ch) ?? ch
  return out
}
