import { defineStore } from 'pinia';
import type { Encounter, Observation } from 'fhir/r4';
import { http } from '../api/http';

export const useEncounterStore = defineStore('encounter', {
  state: () => ({
    current: null as Encounter | null,
    vitals: [] as Observation[],
    draftNote: '',
    loading: false,
  }),
  actions: {
    async open(encounterId: string) {
      this.loading = true;
      const { data } = await http.get<Encounter>(`/fhir/Encounter/${encounterId}`);
      this.current = data;
      this.loading = false;
    },
  },
  // a reload in the middle of a consultation must not lose the vitals typed so far
  persist: { storage: sessionStorage, pick: ['current', 'vitals', 'draftNote'] },
});

export const useLayoutStore = defineStore('layout', {
  state: () => ({ sidebarOpen: true, density: 'comfortable' as 'comfortable' | 'compact', theme: 'light' }),
  persist: true,
});
