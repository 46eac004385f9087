/**
 * The list as CSV (GET /editions/{editionId}/cases.csv, the list's filters and order): the route wants the bearer
 * token, so a plain link cannot fetch it; the page fetches it and hands the browser the file.
 */
import { useState } from 'preact/hooks';
import { ok } from '../api/client';
import { useApp } from '../app-context';
import { failureText } from '../shared/api';
import type { CaseFilters } from './queries';

export function CsvExport({ editionId, filters }: { editionId: string; filters: CaseFilters }) {
  const { api, t, locale } = useApp();
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const download = async () => {
    setState({ busy: true });
    try {
      const blob = await ok(api.GET('/editions/{editionId}/cases.csv', { params: { path: { editionId }, query: filters }, parseAs: 'blob' }));
      const href = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = href;
      link.download = `cases-${editionId}.csv`;
      link.click();
      // The click has handed the file over; the URL is no longer needed once the browser has read it.
      setTimeout(() => URL.revokeObjectURL(href), 60_000);
      setState({ busy: false });
    } catch (error) {
      setState({ busy: false, error: failureText(error, t, locale) });
    }
  };
  return (
    <p class="console-export">
      <button type="button" class="secondary" onClick={download} disabled={state.busy}>
        {t('console.cases.export')}
      </button>
      {state.error && (
        <span class="error" role="alert">
          {state.error}
        </span>
      )}
    </p>
  );
}
