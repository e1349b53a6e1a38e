import * as Sentry from '@sentry/react';
import type { QuestionnaireResponse } from 'fhir/r4';
import { http } from '../../api/http';

export async function submitIntake(response: QuestionnaireResponse): Promise<void> {
  try {
    await http.post('/fhir/QuestionnaireResponse', response);
  } catch (err) {
    Sentry.captureException(err, { extra: { questionnaire: response.questionnaire, answers: response.item } });
    throw err;
  }
}

export async function submitFeedback(rating: number, comment: string): Promise<void> {
  try {
    await http.post('/feedback', { rating, comment });
  } catch (err) {
    Sentry.captureException(err, { tags: { feature: 'feedback' }, extra: { rating } });
  }
}
