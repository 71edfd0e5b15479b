/**
 * The slice of jsdom's API that ingest uses. jsdom ships no types, and @types/jsdom would
 * pull the DOM lib into the whole project, so the few members needed are declared here.
 */
declare module 'jsdom' {
  export interface DomElement {
    readonly tagName: string;
    textContent: string | null;
    readonly children: ArrayLike<DomElement>;
    getAttribute(name: string): string | null;
    querySelector(selector: string): DomElement | null;
    querySelectorAll(selector: string): ArrayLike<DomElement>;
  }

  export interface DomDocument {
    readonly documentElement: DomElement | null;
    readonly body: DomElement | null;
    querySelector(selector: string): DomElement | null;
    querySelectorAll(selector: string): ArrayLike<DomElement>;
    cloneNode(deep: boolean): DomDocument;
  }

  export class VirtualConsole {
    constructor();
  }

  export class JSDOM {
    constructor(html?: string, options?: { url?: string; contentType?: string; virtualConsole?: VirtualConsole });
    readonly window: { readonly document: DomDocument; close(): void };
  }
}
