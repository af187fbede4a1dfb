/**
 * 朗读: speaks a list of blocks one after another and says which one is being read. H5 uses the
 * browser's speech synthesis (zh-CN); the mini-program uses a TTS plugin only when one is
 * configured at build time (TARO_APP_TTS_PLUGIN in .env, e.g. WeChat's 同声传译 plugin declared in
 * app.config `plugins` under that name), otherwise there is no speaker and no button.
 */
import Taro from '@tarojs/taro'

export interface Speaker {
  /**
   * speaks `blocks` from `from`; `onBlock(i)` as each starts, `onBlock(-1)` at the end or on stop;
   * `onUnavailable(why)` (then `onBlock(-1)`) when the device turns out to have no voice to speak with
   */
  speak: (blocks: string[], onBlock: (index: number) => void, from?: number, onUnavailable?: (why: string) => void) => void
  stop: () => void
}

const RATE = 0.9

export const NO_VOICE_MESSAGE = '本机没有可用的中文语音，暂时无法朗读。可在手机的“文字转语音”设置中安装中文语音后再试。'
/** browsers load their voices after the page: how long to wait for the first list before saying there is none */
const VOICES_WAIT_MS = 1500

/** the browser's speech synthesis, if it has one */
export function webSpeaker(synth: SpeechSynthesis | undefined = typeof window === 'undefined' ? undefined : window.speechSynthesis): Speaker | undefined {
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return undefined
  let session = 0
  return {
    speak(blocks, onBlock, from = 0, onUnavailable) {
      synth.cancel()
      const mine = ++session
      const unavailable = () => {
        if (mine !== session) return
        session++
        onBlock(-1)
        onUnavailable?.(NO_VOICE_MESSAGE)
      }
      const next = (i: number): void => {
        if (mine !== session) return
        // skip blocks with nothing to say
        while (i < blocks.length && !blocks[i].trim()) i++
        if (i >= blocks.length) {
          onBlock(-1)
          return
        }
        const u = new SpeechSynthesisUtterance(blocks[i])
        u.lang = 'zh-CN'
        u.rate = RATE
        const zh = synth.getVoices().find((v) => /^zh[-_]CN/i.test(v.lang))
        if (zh) u.voice = zh
        u.onend = () => next(i + 1)
        // no engine or no voice: nothing would ever be heard, say so instead of going quiet
        u.onerror = (e) =>
          /synthesis-(unavailable|failed)|voice-unavailable|language-unavailable/.test((e as { error?: string })?.error ?? '') ? unavailable() : next(i + 1)
        onBlock(i)
        synth.speak(u)
      }
      if (synth.getVoices().length > 0) return next(from)
      // the voice list may still be loading: the first list decides
      let settled = false
      const decide = () => {
        if (settled) return
        settled = true
        synth.removeEventListener?.('voiceschanged', decide)
        if (synth.getVoices().length > 0) next(from)
        else unavailable()
      }
      synth.addEventListener?.('voiceschanged', decide)
      setTimeout(decide, VOICES_WAIT_MS)
    },
    stop() {
      session++
      synth.cancel()
    },
  }
}

interface TtsPlugin {
  textToSpeech: (o: { lang: string; tts: boolean; content: string; success: (r: { filename: string }) => void; fail: () => void }) => void
}

/** the mini-program: a configured TTS plugin turns text into an audio file, played in turn */
function pluginSpeaker(pluginName: string): Speaker | undefined {
  const load = (globalThis as { requirePlugin?: (name: string) => TtsPlugin }).requirePlugin
  if (!load) return undefined
  let plugin: TtsPlugin
  try {
    plugin = load(pluginName)
  } catch {
    return undefined
  }
  const audio = Taro.createInnerAudioContext()
  let session = 0
  return {
    speak(blocks, onBlock, from = 0) {
      const mine = ++session
      const next = (i: number) => {
        if (mine !== session) return
        while (i < blocks.length && !blocks[i].trim()) i++
        if (i >= blocks.length) return onBlock(-1)
        onBlock(i)
        plugin.textToSpeech({
          lang: 'zh_CN',
          tts: true,
          // the plugin takes up to 1,000 bytes a call
          content: blocks[i].slice(0, 300),
          success: (r) => {
            if (mine !== session) return
            audio.src = r.filename
            audio.offEnded?.()
            audio.onEnded(() => next(i + 1))
            audio.play()
          },
          fail: () => next(i + 1),
        })
      }
      next(from)
    },
    stop() {
      session++
      audio.stop()
    },
  }
}

let cached: Speaker | null | undefined

/** the platform's speaker, or undefined when it cannot speak (then 朗读 is hidden) */
export function platformSpeaker(): Speaker | undefined {
  if (cached !== undefined) return cached ?? undefined
  if (process.env.TARO_ENV === 'h5') cached = webSpeaker() ?? null
  else {
    // Taro defines TARO_APP_* only when a .env file names them: guard the lookup
    let name: string | undefined
    try {
      name = process.env.TARO_APP_TTS_PLUGIN
    } catch {
      name = undefined
    }
    cached = (name ? pluginSpeaker(name) : undefined) ?? null
  }
  return cached ?? undefined
}
