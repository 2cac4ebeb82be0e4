/** A data action definition as the seed creates it (the body of `POST /api/v2/integrations/actions` minus ids). */
export interface SolutionAction {
  readonly name: string
  readonly config: {
    readonly timeoutSeconds?: number
    readonly request: {
      requestUrlTemplate: string
      requestType: string
      headers: Record<string, string>
      requestTemplate: string
    }
    readonly response: {
      translationMap: Record<string, string>
      translationMapDefaults: Record<string, string>
      successTemplate: string
    }
  }
  readonly contract: {
    readonly input: { inputSchema: Record<string, unknown> }
    readonly output: { successSchema: Record<string, unknown> }
  }
}
