/// <reference lib="webworker" />
import { precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst, NetworkOnly } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';

declare const self: ServiceWorkerGlobalScope;

precacheAndRoute(self.__WB_MANIFEST);

// Fonts and icons: cache first, a month.
registerRoute(
  ({ request }) => request.destination === 'font' || request.destination === 'image',
  new CacheFirst({ cacheName: 'static', plugins: [new ExpirationPlugin({ maxAgeSeconds: 30 * 24 * 3600 })] }),
);

// Charts open offline on the ward tablets: the last answer of each patient endpoint is kept.
registerRoute(
  ({ url }) => url.pathname.startsWith('/api/v1/patients/'),
  new NetworkFirst({ cacheName: 'patient-api', networkTimeoutSeconds: 3 }),
);

// Sign-in and tokens are never cached.
registerRoute(({ url }) => url.pathname.startsWith('/api/v1/auth/'), new NetworkOnly());
