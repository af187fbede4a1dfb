/** Types of the platform files save-image.h5.ts and save-image.weapp.ts (Taro picks one at build time). */

/**
 * Keeps an image the app drew (a poster, a result card): H5 downloads it as `fileName`; weapp
 * saves it to the album, and when the user once refused, offers the settings to allow it.
 */
export declare function saveImage(src: string, fileName: string): Promise<void>
