/**
 * `@konstruktor/forms/viewer` (browser only): the modules every Konstruktor form-js viewer adds,
 * `new Form({ additionalModules: viewerModules })`.
 */
import { nativeDateModule } from './native-date-field.js';
import { steadyValidationModule } from './steady-validation.js';

export { nativeDateModule, steadyValidationModule };

export const viewerModules = [nativeDateModule, steadyValidationModule];
