/**
 * 视频与课堂 in the console (issue 15): videos and courses are editorial items (kinds `video`
 * and `course`) under /api/v1/admin/videos and /api/v1/admin/courses, through the same 送审 ·
 * 审核 · 发布 · 撤回 workflow as policies. A video's mp4 and its WebVTT captions are uploaded
 * through POST /api/v1/admin/videos/files (multipart, field `file`) and
 * POST /api/v1/admin/videos/captions ({text, durationSec?}); no video is published without captions.
 */
import type { Id } from './entities'

/** 500 MB: an mp4 is streamed to disk, never held in memory */
export const VIDEO_MAX_BYTES = 500 * 1024 * 1024
/** 512 KB of WebVTT */
export const CAPTIONS_MAX_BYTES = 512 * 1024
/** the roles that may upload a video or captions */
export const MEDIA_UPLOAD_ROLES = ['editor', 'admin'] as const

/** the editable fields of a short video (短视频) */
export interface VideoDraft {
  title: string
  topic: string
  summary?: string
  /** the uploaded mp4, /media/uploads/<name>.mp4 */
  src: string
  /** the cover picture */
  poster: string
  /** the uploaded WebVTT captions, /media/uploads/<name>.vtt; required at 送审 and 发布 */
  captions: string
  /** read from the file when it was uploaded */
  durationSec: number
  width?: number
  height?: number
  policyId?: Id
  interpretationId?: Id
  reviewDate?: string
}

/** one lesson of a course: a video item (its published version plays) */
export interface CourseLessonDraft {
  videoId: Id
  /** the lesson's own title; the video's title when empty */
  title: string
}

/** the editable fields of a course (网络课堂) */
export interface CourseDraft {
  title: string
  topic: string
  department: string
  cover: string
  summary: string
  /** in the order they are taught */
  lessons: CourseLessonDraft[]
  reviewDate?: string
}

/** the answer of POST /admin/videos/files: where the mp4 is and what was read from it */
export interface VideoFileResult {
  url: string
  size: number
  durationSec: number
  width: number
  height: number
  /** 'ffprobe' when it is installed on PATH, else 'mp4' (the file's own mvhd/tkhd boxes) */
  probedWith: 'ffprobe' | 'mp4'
}

/** POST /admin/videos/captions */
export interface CaptionsInput {
  text: string
  /** the video's length: cues must end within it */
  durationSec?: number
}

/** one problem of a WebVTT file, with its line (1-based) */
export interface CaptionProblem {
  line: number
  message: string
}

export interface CaptionsResult {
  url: string
  cues: number
}
