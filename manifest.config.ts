// The extension manifests. Chrome and Firefox share one base; Firefox differs in a small overlay
// (background scripts instead of a service worker, a gecko id). Least privilege: no host access yet; the
// webmail hosts arrive with the extraction feature, each for what it needs.
import type { ManifestV3Export } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };

const base = {
  manifest_version: 3 as const,
  name: 'Hoplock',
  version: pkg.version,
  description: 'Was this email encrypted on each hop? Reads the Received headers and says what it saw and why.',
  icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
  action: { default_popup: 'src/popup/index.html', default_title: 'Hoplock', default_icon: { 16: 'icons/16.png', 32: 'icons/32.png' } },
  permissions: [] as string[],
  content_security_policy: { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'" },
};

export const chromeManifest: ManifestV3Export = {
  ...base,
  background: { service_worker: 'src/background/index.ts', type: 'module' as const },
};

// crxjs types know Chrome's manifest only; Firefox's keys are checked by `web-ext lint` instead.
export const firefoxManifest = {
  ...base,
  background: { scripts: ['src/background/index.ts'], type: 'module' as const },
  browser_specific_settings: {
    gecko: { id: 'hoplock@hoplock.example', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
  },
} as unknown as ManifestV3Export;
