import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

/**
 * The `authenticate` of every Luma credential: sets the API key header itself. A declarative
 * '={{$credentials.apiKey}}' would be evaluated by n8n's expression engine (an isolate, about a
 * millisecond) on every request the nodes send.
 */
export function keyHeader(header: string, value: (key: string) => string = (key) => key) {
	return async (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> => ({
		...requestOptions,
		headers: { ...requestOptions.headers, [header]: value(String(credentials.apiKey ?? '')) },
	});
}
