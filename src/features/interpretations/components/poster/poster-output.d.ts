/** Types of the platform files poster-output.h5.ts and poster-output.weapp.ts. */

/** H5: prints the poster alone; weapp: opens the image, whose menu can send it to a printer app */
export declare function printPoster(src: string): void

/** weapp: WeChat's share-image menu; H5: the system share sheet with the PNG where the browser has one, else false */
export declare function sharePoster(src: string, title: string): Promise<boolean>
