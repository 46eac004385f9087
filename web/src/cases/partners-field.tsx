import { useApp } from '../app-context';
import { Field } from '../shared/field';
import { isComplete, type Draft } from './case-draft';
import { CountrySelect } from './country-fields';

/** The partners: a row each (name, country or region), added and removed; a row is saved once complete. */
export function Partners({ partners, onChange, errorAt }: { partners: Draft['partners']; onChange: (p: Draft['partners']) => void; errorAt: (path: string) => string | undefined }) {
  const { t } = useApp();
  const change = (i: number, part: Partial<Draft['partners'][number]>) => onChange(partners.map((p, j) => (j === i ? { ...p, ...part } : p)));
  return (
    <fieldset class="group">
      <legend>{t('field.partners')}</legend>
      {partners.some((p) => !isComplete(p)) && <p class="hint">{t('field.partners.incomplete')}</p>}
      {partners.map((p, i) => (
        <div class="partner" key={i}>
          <Field id={`case-partners.${i}.name`} label={t('field.partners.name', { n: i + 1 })} error={errorAt(`partners.${i}.name`)}>
            {(control) => <input {...control} type="text" value={p.name} onInput={(e) => change(i, { name: e.currentTarget.value })} />}
          </Field>
          <Field id={`case-partners.${i}.country`} label={t('field.partners.country', { n: i + 1 })} error={errorAt(`partners.${i}.country`)}>
            {(control) => <CountrySelect {...control} value={p.country} onChange={(country) => change(i, { country })} />}
          </Field>
          <button type="button" class="secondary" onClick={() => onChange(partners.filter((_, j) => j !== i))}>
            {t('field.partners.remove', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" class="secondary" id="case-partners" onClick={() => onChange([...partners, { name: '', country: '' }])}>
        {t('field.partners.add')}
      </button>
    </fieldset>
  );
}
