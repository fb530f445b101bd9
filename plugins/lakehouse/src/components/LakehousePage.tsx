import { Container } from '@backstage/ui';
import { Route, Routes } from 'react-router-dom';
import { LakehouseBrowser } from './browser/LakehouseBrowser';
import { TablePage } from './TablePage';

/** /lakehouse: the navigator; /lakehouse/:catalog/:namespace/:table: a table. */
export function LakehousePage() {
  return (
    <Container py="4">
      <Routes>
        <Route path="/" element={<LakehouseBrowser />} />
        <Route path="/:catalog/:namespace/:table" element={<TablePage />} />
      </Routes>
    </Container>
  );
}
