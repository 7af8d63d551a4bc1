// What the window's code may use beyond the browser: the part of Tauri's global API the
// capability allows (src-tauri/capabilities/main.json), and nothing else.

interface TauriEvent<T> {
  event: string;
  payload: T;
}

interface Window {
  __TAURI__: {
    core: {
      invoke(command: string, args?: Record<string, unknown>): Promise<unknown>;
    };
    event: {
      listen<T = unknown>(event: string, handler: (event: TauriEvent<T>) => void): Promise<() => void>;
    };
    window: {
      getCurrentWindow(): {
        onCloseRequested(handler: (event: { preventDefault(): void }) => void | Promise<void>): Promise<() => void>;
      };
    };
  };
}
