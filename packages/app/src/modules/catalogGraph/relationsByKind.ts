import {
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CHILD_OF,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_MEMBER,
  RELATION_HAS_PART,
  RELATION_MEMBER_OF,
  RELATION_OWNER_OF,
  RELATION_PARENT_OF,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
} from '@backstage/catalog-model';

/** One relations card: the entity kinds it shows on and what it draws. */
export interface RelationsCardSpec {
  /** The card's extension name: entity-card:catalog-graph/<name>. */
  name: string;
  title: string;
  /** Lower-case entity kinds whose overview shows this card. */
  kinds: string[];
  /** Relation types followed from the entity, one hop (maxDepth 1). */
  relations: string[];
  /** The graph's height in px: taller where one hop fans out to many nodes. */
  height: number;
}

/**
 * The relations card of each kind: one hop, with the relations that say
 * what the entity is for that kind. Data flow for components, APIs and
 * resources (ownership is left out: through a team it pulls in everything
 * that team owns); the parts of systems and domains; people and teams for
 * groups and users. Kinds not listed (Location, Template) get no card.
 */
export const relationsCards: RelationsCardSpec[] = [
  {
    // Keeps the catalog-graph plugin's own id, so this replaces its card.
    name: 'relations',
    title: 'Relations',
    kinds: ['component', 'api', 'resource'],
    relations: [
      RELATION_DEPENDS_ON,
      RELATION_DEPENDENCY_OF,
      RELATION_PROVIDES_API,
      RELATION_API_PROVIDED_BY,
      RELATION_CONSUMES_API,
      RELATION_API_CONSUMED_BY,
      RELATION_PART_OF,
    ],
    height: 360,
  },
  {
    name: 'relations-system',
    title: 'Relations',
    kinds: ['system'],
    relations: [
      RELATION_HAS_PART,
      RELATION_PART_OF,
      RELATION_DEPENDS_ON,
      RELATION_DEPENDENCY_OF,
    ],
    height: 480,
  },
  {
    name: 'relations-domain',
    title: 'Systems',
    kinds: ['domain'],
    relations: [RELATION_HAS_PART, RELATION_PART_OF],
    height: 480,
  },
  {
    name: 'relations-group',
    title: 'Members and ownership',
    kinds: ['group'],
    relations: [
      RELATION_OWNER_OF,
      RELATION_HAS_MEMBER,
      RELATION_CHILD_OF,
      RELATION_PARENT_OF,
    ],
    // A team's members and everything it owns: 15 or more nodes.
    height: 640,
  },
  {
    name: 'relations-user',
    title: 'Teams',
    kinds: ['user'],
    relations: [RELATION_MEMBER_OF],
    height: 240,
  },
];
