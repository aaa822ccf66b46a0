import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiDelete, apiGet, apiPost, errorFromResponse } from './api';

function respond(status: number, body?: string) {
  const fetchMock = vi.fn(async (_path: string, _init?: RequestInit) => new Response(body ?? null, { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('errorFromResponse', () => {
  it('keeps the code, message and field messages of an error body', () => {
    const error = errorFromResponse(400, {
      error: { code: 'invalid_payload', message: 'Check the form.', fields: { locality: 'Enter the locality.' } },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid_payload');
    expect(error.message).toBe('Check the form.');
    expect(error.fields).toEqual({ locality: 'Enter the locality.' });
  });

  it('falls back to a general message for bodies in another shape', () => {
    expect(errorFromResponse(502, '<html>').code).toBe('http_502');
    expect(errorFromResponse(429, undefined).code).toBe('rate_limited');
  });
});

describe('request helpers', () => {
  it('sends JSON with the content type on state changes', async () => {
    const fetchMock = respond(201, JSON.stringify({ session: { id: 's1' } }));
    const result = await apiPost<{ session: { id: string } }>('/api/sessions', { locality: 'North' });
    expect(result.session.id).toBe('s1');
    const [path, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(path).toBe('/api/sessions');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(init.body).toBe('{"locality":"North"}');
  });

  it('sends the content type on DELETE and not on GET', async () => {
    const fetchMock = respond(200, '{}');
    await apiDelete('/api/sessions/s1/cases/c1');
    await apiGet('/api/sessions');
    const deleteInit = fetchMock.mock.calls[0]?.[1] as RequestInit;
    const getInit = fetchMock.mock.calls[1]?.[1] as RequestInit;
    expect((deleteInit.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect((getInit.headers as Record<string, string>)['Content-Type']).toBeUndefined();
  });

  it('resolves an empty 204 to undefined', async () => {
    respond(204);
    await expect(apiPost('/api/auth/sign-out')).resolves.toBeUndefined();
  });

  it('throws an ApiError with the server message', async () => {
    respond(
      401,
      JSON.stringify({ error: { code: 'bad_credentials', message: 'That e-mail and password do not match.' } }),
    );
    await expect(apiPost('/api/auth/sign-in', {})).rejects.toMatchObject({
      code: 'bad_credentials',
      message: 'That e-mail and password do not match.',
      status: 401,
    });
  });

  it('reports a network failure as an ApiError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(apiGet('/api/health')).rejects.toMatchObject({ code: 'network', status: 0 });
  });
});

describe('an error body with more than the error', () => {
  it('keeps the whole body, so a 409 can carry the latest version', () => {
    const body = { error: { code: 'plan_changed', message: 'Someone else changed the plan.' }, plan: { version: 3 } };
    expect(errorFromResponse(409, body).body).toEqual(body);
  });
});
