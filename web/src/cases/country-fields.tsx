/**
 * Country pickers: ISO 3166-1 alpha-2 codes (the API's list, functions/domain/countries.ts) named in the page's
 * language by Intl.DisplayNames and sorted by those names; HK, MO and TW named as regions.
 */
import { useMemo, useState } from 'preact/hooks';
import { COUNTRY_CODES } from '../../../functions/domain/countries.ts';
import { useApp } from '../app-context';
import { countryName, type Locale } from '../i18n/i18n';
import { describedBy, FieldNotes, type ControlProps } from '../shared/field';

interface Option {
  code: string;
  name: string;
}

/** Per language, built once: naming and sorting ~250 codes is a long task on a slow phone, and the editor has four pickers. */
const OPTIONS = new Map<Locale, Option[]>();

function useCountryOptions(): Option[] {
  const { locale, t } = useApp();
  let options = OPTIONS.get(locale);
  if (!options) {
    const collator = new Intl.Collator(locale);
    options = [...COUNTRY_CODES].map((code) => ({ code, name: countryName(locale, t, code) })).sort((a, b) => collator.compare(a.name, b.name));
    OPTIONS.set(locale, options);
  }
  return options;
}

/** The options of a country select: none chosen, then `options` by name. */
function CountryOptions({ options }: { options: { code: string; name: string }[] }) {
  const { t } = useApp();
  return (
    <>
      <option value="">{t('field.choose')}</option>
      {options.map((o) => (
        <option key={o.code} value={o.code}>
          {o.name}
        </option>
      ))}
    </>
  );
}

/** One country or region, or none. */
export function CountrySelect({ value, onChange, ...control }: ControlProps & { value: string; onChange: (code: string) => void }) {
  const options = useCountryOptions();
  // The same element while the options are the same: the editor renders on every keystroke, the 250 options need not.
  const list = useMemo(() => <CountryOptions options={options} />, [options]);
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      {list}
    </select>
  );
}

interface CountriesProps {
  id: string;
  legend: string;
  hint: string;
  error: string | undefined;
  value: string[];
  onChange: (codes: string[]) => void;
}

/** Several countries and regions: pick one and add it; each chosen one has its own remove button. */
export function CountriesPicker({ id, legend, hint, error, value, onChange }: CountriesProps) {
  const { t, locale } = useApp();
  const all = useCountryOptions();
  const chosen = value.join();
  const list = useMemo(() => <CountryOptions options={all.filter((o) => !value.includes(o.code))} />, [all, chosen]);
  const [next, setNext] = useState('');
  const described = describedBy(id, hint, error);
  const add = () => {
    if (next && !value.includes(next)) onChange([...value, next]);
    setNext('');
  };
  return (
    <fieldset class={error ? 'field invalid' : 'field'} aria-describedby={described}>
      <legend>{legend}</legend>
      <FieldNotes id={id} hint={hint} error={error} />
      {value.length === 0 ? (
        <p class="hint">{t('field.countries.none')}</p>
      ) : (
        <ul class="chips" aria-label={legend}>
          {value.map((code) => {
            const name = countryName(locale, t, code);
            return (
              <li key={code}>
                <span>{name}</span>
                <button type="button" class="link" aria-label={t('field.countries.remove', { name })} onClick={() => onChange(value.filter((c) => c !== code))}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div class="inline">
        <label for={id}>{t('field.countries.choose')}</label>
        <select id={id} value={next} {...(error ? { 'aria-invalid': true } : {})} onChange={(e) => setNext(e.currentTarget.value)}>
          {list}
        </select>
        <button type="button" class="secondary" onClick={add} disabled={!next}>
          {t('field.countries.add')}
        </button>
      </div>
    </fieldset>
  );
}
