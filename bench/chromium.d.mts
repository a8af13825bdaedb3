// Types of the parts of chromium.mjs that the TypeScript tests share.
export const CHROMIUM: string;
export const BROWSER_FLAGS: string[];
export const CAMERA_FLAGS: string[];
