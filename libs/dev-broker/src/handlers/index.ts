import { ApiKey } from '../protocol/api-keys';
import { handleApiVersions } from './api-versions.handler';
import { handleCreateTopics } from './create-topics.handler';
import { handleDeleteGroups } from './delete-groups.handler';
import { handleDeleteTopics } from './delete-topics.handler';
import { handleDescribeGroups } from './describe-groups.handler';
import { handleFetch } from './fetch.handler';
import { handleFindCoordinator } from './find-coordinator.handler';
import { type Handler } from './handler';
import { handleHeartbeat } from './heartbeat.handler';
import { handleInitProducerId } from './init-producer-id.handler';
import { handleJoinGroup } from './join-group.handler';
import { handleLeaveGroup } from './leave-group.handler';
import { handleListGroups } from './list-groups.handler';
import { handleListOffsets } from './list-offsets.handler';
import { handleMetadata } from './metadata.handler';
import { handleOffsetCommit } from './offset-commit.handler';
import { handleOffsetFetch } from './offset-fetch.handler';
import { handleProduce } from './produce.handler';
import { handleSyncGroup } from './sync-group.handler';

/** API key → handler; must cover every key in SUPPORTED_APIS (a unit test checks it). */
export const HANDLERS: ReadonlyMap<number, Handler> = new Map<number, Handler>([
  [ApiKey.Produce, handleProduce],
  [ApiKey.Fetch, handleFetch],
  [ApiKey.ListOffsets, handleListOffsets],
  [ApiKey.Metadata, handleMetadata],
  [ApiKey.OffsetCommit, handleOffsetCommit],
  [ApiKey.OffsetFetch, handleOffsetFetch],
  [ApiKey.FindCoordinator, handleFindCoordinator],
  [ApiKey.JoinGroup, handleJoinGroup],
  [ApiKey.Heartbeat, handleHeartbeat],
  [ApiKey.LeaveGroup, handleLeaveGroup],
  [ApiKey.SyncGroup, handleSyncGroup],
  [ApiKey.DescribeGroups, handleDescribeGroups],
  [ApiKey.ListGroups, handleListGroups],
  [ApiKey.ApiVersions, handleApiVersions],
  [ApiKey.CreateTopics, handleCreateTopics],
  [ApiKey.DeleteTopics, handleDeleteTopics],
  [ApiKey.InitProducerId, handleInitProducerId],
  [ApiKey.DeleteGroups, handleDeleteGroups],
]);
