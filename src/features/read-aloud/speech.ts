/**
 * 朗读: speaks a list of blocks one after another and says which one is being read. H5 uses the
 * browser's speech synthesis (zh-CN); the mini-program uses a TTS plugin only when one is
 * configured at build time (TARO_APP_TTS_PLUGIN in .env, e.g. WeChat's 同声传译 plugin declared in
 * app.config `plugins` under that name), otherwise there is no speaker and no button.
 */
import Taro from '@tarojs/taro'

export interface Speaker {
  /** speaks `blocks` from `from`; `onBlock(i)` as each starts, `onBlock(-1)` at the end or on stop */
  speak: (blocks: string[], onBlock: (index: number) => void, from?: number) => void
  stop: () => void
}

const RATE = 0.9

/** the browser's speech synthesis, if it has one */
export function webSpeaker(synth: SpeechSynthesis | undefined = typeof window === 'undefined' ? undefined : window.speechSynthesis): Speaker | undefined {
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return undefined
  let session = 0
  return {
    speak(blocks, onBlock, from = 0) {
      synth.cancel()
      const mine = ++session
      const next = (i: number) => {
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
        u.onerror = () => next(i + 1)
        onBlock(i)
        synth.speak(u)
      }
      next(from)
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
