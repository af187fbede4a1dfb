/** H5 has no album: the browser downloads the image */
export async function saveImage(src: string, fileName: string): Promise<void> {
  const a = document.createElement('a')
  a.href = src
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
}
