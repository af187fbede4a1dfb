/**
 * Stands in for rc-textarea's autosize measure (antd's `Input.TextArea autoSize`) under jsdom.
 * The real one copies the textarea's computed sizing CSS into a hidden textarea and reads its
 * scrollHeight; jsdom lays nothing out (scrollHeight is 0, the height comes out NaN), and to
 * compute that style it matches every rule antd has injected against the textarea, on every
 * render: 9.6 of the 14 s of a console form test. This answers what jsdom could measure, nothing,
 * leaving the textarea's own style to the component.
 */
export default function calculateAutoSizeStyle(): { resize: 'none' } {
  return { resize: 'none' }
}
