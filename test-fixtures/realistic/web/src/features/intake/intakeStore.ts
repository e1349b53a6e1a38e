import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export interface IntakeAnswers {
  reasonForVisit: string;
  symptoms: string[];
  currentMedications: string[];
  allergies: string[];
  pregnant?: boolean;
}

interface IntakeState {
  answers: Partial<IntakeAnswers>;
  step: number;
  setAnswer: <K extends keyof IntakeAnswers>(key: K, value: IntakeAnswers[K]) => void;
  next: () => void;
  reset: () => void;
}

// The pre-visit questionnaire survives a closed tab: patients fill it in on their phones in the waiting room.
export const useIntakeStore = create<IntakeState>()(
  persist(
    (set) => ({
      answers: {},
      step: 0,
      setAnswer: (key, value) => set((s) => ({ answers: { ...s.answers, [key]: value } })),
      next: () => set((s) => ({ step: s.step + 1 })),
      reset: () => set({ answers: {}, step: 0 }),
    }),
    { name: 'np-intake', storage: createJSONStorage(() => localStorage) },
  ),
);

interface ThemeState {
  dark: boolean;
  toggle: () => void;
}

export const useThemeStore = create<ThemeState>()(
  persist((set) => ({ dark: false, toggle: () => set((s) => ({ dark: !s.dark })) }), { name: 'np-theme' }),
);
