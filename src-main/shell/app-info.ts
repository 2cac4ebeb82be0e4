import pkg from '../../package.json' with { type: 'json' }

/** Product name and version, read from package.json at build time so both shells report the same. */
export const APP_NAME: string = pkg.productName
export const APP_VERSION: string = pkg.version
