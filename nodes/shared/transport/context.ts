import type { FunctionsBase, IHttpRequestOptions } from 'n8n-workflow';

/**
 * What the transport needs of an n8n functions object: credentials, the node, n8n's HTTP helpers and,
 * where the context has one, the execution's cancel signal. Execute, load-options/list-search, hook
 * and webhook contexts all have these, so each passes itself as it is.
 */
export type LumaContext = Pick<FunctionsBase, 'getCredentials' | 'getNode'> & {
	helpers: {
		httpRequestWithAuthentication(
			this: unknown,
			credentialsType: string,
			requestOptions: IHttpRequestOptions,
		): Promise<unknown>;
		httpRequest(requestOptions: IHttpRequestOptions): Promise<unknown>;
	};
	getExecutionCancelSignal?: () => AbortSignal | undefined;
};
