// Kept for the old kiosk build (no bundler, no idb wrapper).

export function cacheEncounters(patientRef) {
  return fetch('/fhir/Encounter?patient=' + encodeURIComponent(patientRef) + '&_sort=-date&_count=50')
    .then(function (r) { return r.json(); })
    .then(function (bundle) {
      return new Promise(function (resolve, reject) {
        var open = indexedDB.open('kiosk-cache', 1);
        open.onupgradeneeded = function () {
          open.result.createObjectStore('visits', { keyPath: 'id' });
          open.result.createObjectStore('settings');
        };
        open.onsuccess = function () {
          var tx = open.result.transaction(['visits', 'settings'], 'readwrite');
          var visits = tx.objectStore('visits');
          (bundle.entry || []).forEach(function (entry) {
            visits.put(entry.resource);
          });
          tx.objectStore('settings').put(Date.now(), 'cachedAt');
          tx.oncomplete = function () { resolve(bundle.total); };
          tx.onerror = function () { reject(tx.error); };
        };
      });
    });
}
