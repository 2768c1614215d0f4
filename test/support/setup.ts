// Component tests share two cores with LibreOffice and the crash test in one run: give
// Testing Library's waitFor/findBy more than its 1 s default before calling something missing.
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 8000 });

// Every jsdom test file gets the layout stand-ins, not only those that start the services: a file
// without them failed whenever ProseMirror happened to scroll (it measures with Range rects). The
// module is typed against the DOM (tsconfig.web.json), so it is named here as a plain string.
if ('window' in globalThis) {
  const shims: string = '../renderer/jsdomShims';
  const { installJsdomShims } = (await import(shims)) as { installJsdomShims: () => void };
  installJsdomShims();
}
