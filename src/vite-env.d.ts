/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Optional online basemap: any MapLibre style URL. The bundled offline basemap stays the default. */
  readonly VITE_BASEMAP_STYLE_URL?: string;
}
