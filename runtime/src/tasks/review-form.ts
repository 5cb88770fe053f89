import type { FormSchema } from '@konstruktor/forms';

/**
 * The form of the built-in review (services without a process): approve, or reject with the
 * reason the applicant is told. Its keys are the review's result; the workspace shows it as it
 * shows a process task's form, and the case's task list names the outcome by its options.
 */
export const REVIEW_FORM = {
  id: 'konstruktor-review',
  type: 'default',
  schemaVersion: 19,
  components: [
    {
      id: 'Field_decision', type: 'radio', key: 'decision', label: 'Decision',
      values: [{ label: 'Approve the application', value: 'approve' }, { label: 'Reject the application', value: 'reject' }],
      validate: { required: true },
    },
    {
      id: 'Field_reason', type: 'textarea', key: 'reason', label: 'Reason for the rejection',
      description: 'The applicant is told this reason',
      validate: { required: true, maxLength: 4000 },
      conditional: { hide: '=decision != "reject"' },
    },
  ],
  'x-translations': {
    lt: {
      'Field_decision.label': 'Sprendimas',
      'Field_decision.values.approve': 'Patvirtinti prašymą',
      'Field_decision.values.reject': 'Atmesti prašymą',
      'Field_reason.label': 'Atmetimo priežastis',
      'Field_reason.description': 'Ši priežastis pranešama pareiškėjui',
    },
    lv: {
      'Field_decision.label': 'Lēmums',
      'Field_decision.values.approve': 'Apstiprināt pieteikumu',
      'Field_decision.values.reject': 'Noraidīt pieteikumu',
      'Field_reason.label': 'Noraidījuma iemesls',
      'Field_reason.description': 'Šo iemeslu paziņo iesniedzējam',
    },
    en: {
      'Field_decision.label': 'Decision',
      'Field_decision.values.approve': 'Approve the application',
      'Field_decision.values.reject': 'Reject the application',
      'Field_reason.label': 'Reason for the rejection',
      'Field_reason.description': 'The applicant is told this reason',
    },
  },
} as const satisfies FormSchema;
