import { Breadcrumb, Flex, Typography } from 'antd'
import { type ReactNode, useEffect } from 'react'
import { Link } from 'react-router-dom'

export interface PageHeaderProps {
  title: string
  /** the pages above this one, e.g. [{ title: '政策文件', to: '/policies' }] */
  parents?: { title: string; to: string }[]
  extra?: ReactNode
}

export function PageHeader({ title, parents = [], extra }: PageHeaderProps) {
  useEffect(() => {
    document.title = `${title} · 政务工作台`
  }, [title])
  return (
    <div style={{ marginBottom: 16 }}>
      <Breadcrumb
        items={[{ title: <Link to='/'>政务工作台</Link> }, ...parents.map((p) => ({ title: <Link to={p.to}>{p.title}</Link> })), { title }]}
        style={{ marginBottom: 8 }}
      />
      <Flex justify='space-between' align='center' gap={16} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra ? <Flex gap={8}>{extra}</Flex> : null}
      </Flex>
    </div>
  )
}
