/**
 * H5: Taro.request's JSONP helper (`jsonp-retry`, for `Taro.request({ jsonp: true })`) left out of
 * the build: the app calls its own API with fetch and never asks for JSONP (config/index.ts).
 * A JSONP request fails as a failed request does.
 */
export default function jsonp() {
  return Promise.reject(new Error('Taro.request: JSONP is not part of this H5 build (config/h5-runtime/no-jsonp.mjs)'))
}
