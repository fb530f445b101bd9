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
    // Nine neighbours, as Trino has, at full size.
    height: 432,
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

/**
 * The card height (px) each drawn neighbour needs for labels of about
 * 10 px: measured on the portal's busiest system and groups, where 40
 * gave 8 px.
 */
const PX_PER_NODE = 48;
/**
 * Which related entities a card draws first when it cannot draw them all:
 * where the entity belongs and its teams, people, code, then data sets.
 */
const KIND_ORDER = [
  'domain',
  'system',
  'group',
  'user',
  'component',
  'api',
  'resource',
];

/**
 * The related entities (refs, lower case) a relations card draws: all of
 * the entity's one-hop relations of the card's types while they fit its
 * height at a readable scale, else the first that fit, by kind
 * (KIND_ORDER), then the card's relation order, then ref. `total` counts
 * them all, so the card can say how many it left out.
 */
export function drawnNeighbours(
  entity: { relations?: { type: string; targetRef: string }[] },
  spec: Pick<RelationsCardSpec, 'relations' | 'height'>,
): { refs: string[]; total: number } {
  const rank = new Map<string, number>();
  for (const { type, targetRef } of entity.relations ?? []) {
    const index = spec.relations.indexOf(type);
    const ref = targetRef.toLocaleLowerCase('en-US');
    if (index >= 0 && index < (rank.get(ref) ?? Infinity)) rank.set(ref, index);
  }
  const kindRank = (ref: string) => {
    const index = KIND_ORDER.indexOf(ref.split(':')[0]);
    return index < 0 ? KIND_ORDER.length : index;
  };
  const sorted = [...rank.keys()].sort(
    (a, b) =>
      kindRank(a) - kindRank(b) ||
      rank.get(a)! - rank.get(b)! ||
      (a < b ? -1 : 1),
  );
  const fit = Math.max(1, Math.floor(spec.height / PX_PER_NODE));
  return { refs: sorted.slice(0, fit), total: sorted.length };
}
