// Component tests share two cores with LibreOffice and the crash test in one run: give
// Testing Library's waitFor/findBy more than its 1 s default before calling something missing.
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 8000 });
