import '@fontsource/urbanist/400.css'
import '@fontsource/urbanist/600.css'
import '@fontsource/urbanist/700.css'
import '@fontsource/noto-sans/400.css'
import '@fontsource/noto-sans/600.css'
import '@fontsource/noto-sans/700.css'
import 'genesys-spark-components/dist/genesys-webcomponents/genesys-webcomponents.css'
import { defineCustomElements } from 'genesys-spark-components/dist/loader'

/**
 * Registers Genesys Spark offline: Stencil's loader with icons and translations served from the app itself.
 * Never `registerElements()`, which fetches from Genesys' CDN and leaves components hidden offline (spark.md §1).
 */
export function installSpark(): void {
  void defineCustomElements(window, { resourcesUrl: new URL('./spark-assets/', window.location.href).href })
}
