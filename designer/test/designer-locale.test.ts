import { describe, expect, it } from 'vitest';
import { formEditorText } from '../web/src/forms/form-editor-strings.js';
import { translateTo } from '../web/src/process/modeler-translations.js';
import { simulationText } from '../web/src/test-runs/simulation-texts.js';

describe('the designer in Latvian', () => {
  it('gives the modeler its palette and properties in Latvian', () => {
    expect(translateTo('lv', 'Create task')).toBe('Izveidot uzdevumu');
    expect(translateTo('lt', 'Create task')).toBe('Kurti užduotį');
    expect(translateTo('en', 'Create task')).toBe('Create task');
  });

  it('turns what the form editor and the simulation drew in Lithuanian into Latvian when the analyst switches, and back to English', () => {
    expect(formEditorText('Text field', 'lv')).toBe('Teksta lauks');
    expect(formEditorText('Teksto laukas', 'lv')).toBe('Teksta lauks');
    expect(formEditorText('Teksta lauks', 'en')).toBe('Text field');
    expect(simulationText('Simuliacijos žurnalas', 'lv')).toBe('Simulācijas žurnāls');
    expect(simulationText('Patikra', 'lv')).toBe('Patikra');
  });
});
