import * as React from 'react';

import type { LedgerEvent, LedgerFilters, LedgerQuery } from '../../../../../shared/contracts';
import type { QueryError } from '../../../hooks/useApiError';
import { usePolicyLedgerEventsQuery } from '../../../services/ledgerApi';

const PAGE_SIZE = 50;

/** The query without its cursor: what identifies a search. */
const searchKey = (query: LedgerQuery) => JSON.stringify({ ...query, cursor: undefined });

export interface LedgerSearch {
  /** The events found so far (newest first), over every page loaded. */
  events: LedgerEvent[];
  /** More events match than are shown. */
  hasMore: boolean;
  /** The current search has answered (and not failed). */
  loaded: boolean;
  /** Why the current search failed; undefined while it has not. */
  error: QueryError | undefined;
  /** The person the current search is for, as typed ("" for anyone). */
  subject: string;
  /** A first page is loading (a search or the initial load). */
  isSearching: boolean;
  isLoadingMore: boolean;
  /** Runs a search (again, if it is the current one) from its first page. */
  search: (filters: LedgerFilters) => void;
  /** Loads the next page of the current search. */
  loadMore: () => void;
}

/**
 * The Ledger tab's search: the latest events unfiltered at first, then what `search` asks for,
 * page by page. The pages are one cache entry of the events query (see services/ledgerApi.ts).
 * Only the current search's own events are given (`currentData`): while another search loads,
 * and after it failed, no event of an earlier one is.
 */
export function useLedgerSearch(): LedgerSearch {
  const [query, setQuery] = React.useState<LedgerQuery>({ limit: PAGE_SIZE });
  const { currentData, error, isError, isFetching, refetch } = usePolicyLedgerEventsQuery(query, {
    refetchOnMountOrArgChange: true,
  });
  // A failed search shows nothing; a failed "Load more" keeps the pages of the same search.
  const data = isError && query.cursor === undefined ? undefined : currentData;

  const search = (filters: LedgerFilters) => {
    const next: LedgerQuery = { ...filters, limit: PAGE_SIZE };
    if (query.cursor === undefined && searchKey(next) === searchKey(query)) void refetch();
    else setQuery(next);
  };

  const loadMore = () => {
    if (data?.nextCursor) setQuery({ ...query, cursor: Number(data.nextCursor) });
  };

  return {
    events: data?.events ?? [],
    hasMore: !isError && Boolean(data?.nextCursor),
    loaded: data !== undefined,
    error: isError ? error : undefined,
    subject: query.subject ?? '',
    isSearching: isFetching && query.cursor === undefined,
    isLoadingMore: isFetching && query.cursor !== undefined,
    search,
    loadMore,
  };
}
