import { Controller, Get, Post } from '@nestjs/common';
import { CurrentActor, type Actor } from '@lianxin/auth';
import { ApiRoute, Idempotent, ZodBody, ZodQuery } from '@lianxin/platform-http';
import { z } from 'zod';
import {
  createPostTypeBody,
  CreatePostTypeHandler,
  postTypeViewSchema,
  type CreatePostTypeCommand,
  type PostTypeView,
} from '../application/commands/create-post-type/create-post-type.handler';
import {
  listPostTypesQuery,
  ListPostTypesHandler,
} from '../application/queries/list-post-types/list-post-types.handler';

@Controller('api/v1/post-types')
export class PostTypesController {
  constructor(
    private readonly create: CreatePostTypeHandler,
    private readonly list: ListPostTypesHandler,
  ) {}

  @Post()
  @Idempotent()
  @ApiRoute({
    summary: 'Define a post type (设岗) for a unit',
    action: 'registry.post.write',
    tags: ['posts'],
    responses: { 201: postTypeViewSchema },
    errors: [404, 409],
  })
  createPostType(
    @ZodBody(createPostTypeBody) body: CreatePostTypeCommand,
    @CurrentActor() actor: Actor,
  ): Promise<PostTypeView> {
    return this.create.execute(body, actor);
  }

  @Get()
  @ApiRoute({
    summary: 'Post types usable in a unit',
    action: 'registry.post.read',
    tags: ['posts'],
    responses: { 200: z.object({ items: z.array(postTypeViewSchema) }) },
    errors: [404],
  })
  listPostTypes(
    @ZodQuery(listPostTypesQuery) query: { unitId?: string },
    @CurrentActor() actor: Actor,
  ): Promise<{ items: PostTypeView[] }> {
    return this.list.execute(query, actor);
  }
}
