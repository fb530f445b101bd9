import {
  coreExtensionData,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import { TemplatesOrNotice } from './TemplatesOrNotice';

// The scaffolder's templates sub-page, its element wrapped so that an empty
// catalog of templates explains itself; path, title and the rest unchanged.
const templatesSubPage = scaffolderPlugin
  .getExtension('sub-page:scaffolder/templates')
  .override({
    *factory(originalFactory) {
      for (const data of originalFactory()) {
        yield data.id === coreExtensionData.reactElement.id
          ? coreExtensionData.reactElement(
              <TemplatesOrNotice>
                {data.value as JSX.Element}
              </TemplatesOrNotice>,
            )
          : data;
      }
    },
  });

export const scaffolderModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [templatesSubPage],
});
