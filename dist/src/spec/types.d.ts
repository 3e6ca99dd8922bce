/**
 * Handy aliases over the types generated from spec/openapi.yaml (src/spec/openapi-types.gen.ts).
 */
import type { components, operations, paths } from './openapi-types.gen.ts';
export type { components, operations, paths };
type Schemas = components['schemas'];
export type Uuid = Schemas['Uuid'];
export type ErrorEnvelope = Schemas['ErrorEnvelope'];
export type SIPControlApp = Schemas['SIPControlApp'];
export type SIPControlAppRelation = Schemas['SIPControlAppRelation'];
export type Class4TrunkSettings = Schemas['Class4TrunkSettings'];
export type Class4TrunkSettingsNewParams = Schemas['Class4TrunkSettingsNewParams'];
export type RegGateway = Schemas['RegGateway'];
export type RegUser = Schemas['RegUser'];
export type TrunkIp = Schemas['TrunkIp'];
export type TrunkPrefix = Schemas['TrunkPrefix'];
export type TNLease = Schemas['TNLease'];
export type TN = Schemas['TN'];
export type Account = Schemas['Account'];
export type User = Schemas['User'];
export type TNOrder = Schemas['TNOrder'];
export type MessagingProfile = Schemas['MessagingProfile'];
export type SIPConnection = Schemas['SIPConnection'];
export type OutboundVoiceProfile = Schemas['OutboundVoiceProfile'];
export type Call = Schemas['Call'];
export type FreeSwitchChannel = Schemas['FreeSwitchChannel'];
export type CreateSIPControlAppRequest = Schemas['CreateSIPControlAppRequest'];
export type ModifySIPControlAppRequest = Schemas['ModifySIPControlAppRequest'];
export type AssignTNLeasesRequest = Schemas['AssignTNLeasesRequest'];
/** Success envelopes. */
export type SIPControlAppResponse = Schemas['SIPControlAppResponse'];
export type SIPControlAppListResponse = Schemas['SIPControlAppListResponse'];
export type TNLeaseListResponse = Schemas['TNLeaseListResponse'];
export type CallResponse = Schemas['CallResponse'];
/** Generic success envelope. */
export interface SuccessEnvelope<P> {
    success: true;
    payload: P;
}
