import { LocaleTitle as LocaleTitle_f4fcdc7f9189f446d7ff5c184217e898 } from '../../../components/desk/LocaleTitle'
import { PhotoCredit as PhotoCredit_3a8391b7e415b6868a61fa96f309ebfd } from '../../../components/PhotoCredit'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { BlocksFeatureClient as BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockLabel as BlockLabel_b8b969f7408c2ad95d4255c4de06e591 } from '../../../components/desk/BlockLabel'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SlugField as SlugField_2b8867833a34864a02ddf429b0728a40 } from '@payloadcms/next/client'
import { VersionsWithAuthors as VersionsWithAuthors_a14ea89b0943508d5a872db0b7a79092 } from '../../../components/desk/VersionsWithAuthors'
import { CreateFromTyped as CreateFromTyped_19bcde2120eb68054a9e2271c667d585 } from '../../../components/desk/CreateFromTyped'
import { RolesField as RolesField_4e81909f9c546c9042410e1ebe38ee65 } from '../../../components/RolesField'
import { OriginCheck as OriginCheck_294fc9854228734ac8292d855fae463f } from '../../../components/OriginCheck'
import { ScheduledWork as ScheduledWork_9a84c391e74561d54250abf23f5704e6 } from '../../../components/ScheduledWork'
import { ImportReleaseNavLink as ImportReleaseNavLink_d4a7b885fa5522be033ae00da9ff2656 } from '../../../components/ImportRelease/NavLink'
import { ImportResultsNavLink as ImportResultsNavLink_5d30540ac527a0a3b357290bb3ec7e43 } from '../../../components/ImportResults/NavLink'
import { DeskDashboard as DeskDashboard_1c9e2143d567554352ce4ee55aa6681a } from '../../../components/desk/DeskDashboard'
import { DeskDrawers as DeskDrawers_9286b28f774aba34a1a7633e62842e37 } from '../../../components/desk/DeskDrawers'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { ImportReleaseView as ImportReleaseView_d47b431d5d6e3acdb26c39c2b3c99404 } from '../../../components/ImportRelease'
import { ImportResultsView as ImportResultsView_9f0b26a9aa80ee815844b6032508a5cb } from '../../../components/ImportResults'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/desk/LocaleTitle#LocaleTitle": LocaleTitle_f4fcdc7f9189f446d7ff5c184217e898,
  "/components/PhotoCredit#PhotoCredit": PhotoCredit_3a8391b7e415b6868a61fa96f309ebfd,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#BlocksFeatureClient": BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/desk/BlockLabel#BlockLabel": BlockLabel_b8b969f7408c2ad95d4255c4de06e591,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/next/client#SlugField": SlugField_2b8867833a34864a02ddf429b0728a40,
  "/components/desk/VersionsWithAuthors#VersionsWithAuthors": VersionsWithAuthors_a14ea89b0943508d5a872db0b7a79092,
  "/components/desk/CreateFromTyped#CreateFromTyped": CreateFromTyped_19bcde2120eb68054a9e2271c667d585,
  "/components/RolesField#RolesField": RolesField_4e81909f9c546c9042410e1ebe38ee65,
  "/components/OriginCheck#OriginCheck": OriginCheck_294fc9854228734ac8292d855fae463f,
  "/components/ScheduledWork#ScheduledWork": ScheduledWork_9a84c391e74561d54250abf23f5704e6,
  "/components/ImportRelease/NavLink#ImportReleaseNavLink": ImportReleaseNavLink_d4a7b885fa5522be033ae00da9ff2656,
  "/components/ImportResults/NavLink#ImportResultsNavLink": ImportResultsNavLink_5d30540ac527a0a3b357290bb3ec7e43,
  "/components/desk/DeskDashboard#DeskDashboard": DeskDashboard_1c9e2143d567554352ce4ee55aa6681a,
  "/components/desk/DeskDrawers#DeskDrawers": DeskDrawers_9286b28f774aba34a1a7633e62842e37,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "/components/ImportRelease#ImportReleaseView": ImportReleaseView_d47b431d5d6e3acdb26c39c2b3c99404,
  "/components/ImportResults#ImportResultsView": ImportResultsView_9f0b26a9aa80ee815844b6032508a5cb,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
