import { mountedIndices, onSlideChange, onVisibility } from '../feed'

describe('short-video feed rules', () => {
  it('mounts only the current video and its neighbours', () => {
    expect(mountedIndices(0, 12)).toEqual([0, 1])
    expect(mountedIndices(5, 12)).toEqual([4, 5, 6])
    expect(mountedIndices(11, 12)).toEqual([10, 11])
    expect(mountedIndices(0, 1)).toEqual([0])
    expect(mountedIndices(0, 0)).toEqual([])
  })

  it('pauses the video left behind and plays the new one', () => {
    expect(onSlideChange(2, 3, { visible: true, autoplay: true })).toEqual([
      { action: 'pause', index: 2 },
      { action: 'play', index: 3 },
    ])
    expect(onSlideChange(3, 3, { visible: true, autoplay: true })).toEqual([])
  })

  it('starts nothing by itself when saving data or hidden', () => {
    expect(onSlideChange(0, 1, { visible: true, autoplay: false })).toEqual([{ action: 'pause', index: 0 }])
    expect(onSlideChange(0, 1, { visible: false, autoplay: true })).toEqual([{ action: 'pause', index: 0 }])
  })

  it('pauses on hide and resumes on show only if it was playing', () => {
    expect(onVisibility(4, false, true)).toEqual([{ action: 'pause', index: 4 }])
    expect(onVisibility(4, true, true)).toEqual([{ action: 'play', index: 4 }])
    expect(onVisibility(4, true, false)).toEqual([])
  })
})
